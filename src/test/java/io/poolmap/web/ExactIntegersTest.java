package io.poolmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.poolmap.operation.Numbers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/** The IEEE754Compatible opt-in: who asks for it, and what it writes. */
class ExactIntegersTest {

    private static final long SAFE = (1L << 53) - 1;
    private final JsonMapper mapper = JsonMapper.builder().addModule(NumbersJson.module(100, 100)).addModule(ExactIntegers.module()).build();

    @Test
    void theParameterIsReadFromAcceptWhateverItsCaseAndOnlyWhenTrue() {
        assertThat(ExactIntegers.requested(request("application/json; IEEE754Compatible=true"))).isTrue();
        assertThat(ExactIntegers.requested(request("text/html, application/json;ieee754compatible=TRUE;q=0.9"))).isTrue();
        assertThat(ExactIntegers.requested(request("application/json; IEEE754Compatible=false"))).isFalse();
        assertThat(ExactIntegers.requested(request("application/json"))).isFalse();
        assertThat(ExactIntegers.requested(request("application/json;;=="))).as("a malformed Accept asks for nothing").isFalse();
        assertThat(ExactIntegers.requested(new MockHttpServletRequest())).isFalse();
        assertThat(ExactIntegers.marked(MediaType.APPLICATION_PROBLEM_JSON).toString()).isEqualTo("application/problem+json;IEEE754Compatible=true");
    }

    @Test
    void onlyIntegersBeyondTwoToThe53AreWrittenAsStringsAndOnlyWhenAsked() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("safe", SAFE);
        body.put("unsafe", SAFE + 1);
        body.put("negative", -(SAFE + 1));
        body.put("big", BigInteger.TEN.pow(30));
        body.put("smallBig", BigInteger.valueOf(-SAFE));
        body.put("decimal", 1e300);
        body.put("numbers", Numbers.builder().add(SAFE).add(SAFE + 1).add(BigInteger.TEN.pow(20)).add(2.5).build());
        body.put("longs", Numbers.builder().add(1).add(Long.MIN_VALUE).build());
        body.put("list", List.of(SAFE + 1, true));

        String exact = ExactIntegers.writer(mapper.writer(), true).writeValueAsString(body);
        String plain = ExactIntegers.writer(mapper.writer(), false).writeValueAsString(body);

        assertThat(exact).isEqualTo("{\"safe\":9007199254740991,\"unsafe\":\"9007199254740992\",\"negative\":\"-9007199254740992\","
                + "\"big\":\"1000000000000000000000000000000\",\"smallBig\":-9007199254740991,\"decimal\":1.0E300,"
                + "\"numbers\":[9007199254740991,\"9007199254740992\",\"100000000000000000000\",2.5],"
                + "\"longs\":[1,\"-9223372036854775808\"],\"list\":[\"9007199254740992\",true]}");
        assertThat(plain).isEqualTo("{\"safe\":9007199254740991,\"unsafe\":9007199254740992,\"negative\":-9007199254740992,"
                + "\"big\":1000000000000000000000000000000,\"smallBig\":-9007199254740991,\"decimal\":1.0E300,"
                + "\"numbers\":[9007199254740991,9007199254740992,100000000000000000000,2.5],"
                + "\"longs\":[1,-9223372036854775808],\"list\":[9007199254740992,true]}");
        ObjectWriter plainByDefault = mapper.writer();
        assertThat(plainByDefault.writeValueAsString(body)).isEqualTo(plain);
    }

    private static MockHttpServletRequest request(String accept) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Accept", accept);
        return request;
    }
}
