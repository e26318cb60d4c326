package io.poolmap.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** host:port as the cluster properties write it. */
class HostPortTest {

    @Test
    void namesAddressesAndKeywordsParseAndPrintBack() {
        assertThat(HostPort.of(" poolmap-1:7800 ")).isEqualTo(new HostPort("poolmap-1", 7800));
        assertThat(HostPort.of("SITE_LOCAL:7800")).isEqualTo(new HostPort("SITE_LOCAL", 7800));
        assertThat(HostPort.of("[::1]:7801")).isEqualTo(new HostPort("::1", 7801));
        assertThat(HostPort.of("[::1]:7801")).hasToString("[::1]:7801");
        assertThat(HostPort.of("127.0.0.1:1")).hasToString("127.0.0.1:1");
    }

    @Test
    void malformedTextIsRefusedWithTheReason() {
        assertThatThrownBy(() -> HostPort.of("127.0.0.1")).hasMessageContaining("is not host:port");
        assertThatThrownBy(() -> HostPort.of(":7800")).hasMessageContaining("is not host:port");
        assertThatThrownBy(() -> HostPort.of("host:")).hasMessageContaining("is not host:port");
        assertThatThrownBy(() -> HostPort.of("host:http")).hasMessageContaining("no numeric port");
        assertThatThrownBy(() -> HostPort.of("host:0")).hasMessageContaining("outside 1..65535");
        assertThatThrownBy(() -> HostPort.of("host:65536")).hasMessageContaining("outside 1..65535");
        assertThatThrownBy(() -> HostPort.of("::1:7800")).hasMessageContaining("in brackets");
        assertThatThrownBy(() -> HostPort.of(null)).hasMessageContaining("is not host:port");
    }
}
