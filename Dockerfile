# poolmap as a container image: build with the Maven wrapper, run on a JRE with the jar in layers and a
# Java 25 AOT cache trained at build time. Builds with the classic builder and with BuildKit alike
# (no "# syntax=" line, no RUN --mount), so `docker build .` and `docker-compose build` need nothing else.

# --- build: the Maven wrapper on a JDK ----------------------------------------------------------------
FROM eclipse-temurin:25-jdk AS build
WORKDIR /build
# The wrapper and the POM first: their layer of downloaded dependencies survives edits to the sources.
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY src/main/ src/main/
# The tests run in CI and with ./mvnw verify; the image build only packages.
RUN ./mvnw -B -ntp -Dmaven.test.skip=true package \
    && cp target/poolmap-*.jar poolmap.jar \
    && java -Djarmode=tools -jar poolmap.jar extract --layers --destination extracted

# --- runtime: a JRE, the layers, an AOT cache ---------------------------------------------------------
FROM eclipse-temurin:25-jre
RUN groupadd --system --gid 10001 poolmap \
    && useradd --system --uid 10001 --gid poolmap --home-dir /app --no-create-home --shell /usr/sbin/nologin poolmap \
    && mkdir -p /var/lib/poolmap && chown poolmap:poolmap /var/lib/poolmap
WORKDIR /app
# Least-changing layer first: a new commit usually rebuilds only the last (application) layer.
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./
# Training run (JEP 483/514): start the application until its context is refreshed, then exit; the JVM
# writes the classes it loaded and linked to app.aot. It must be made by this JRE from this class path,
# which is why it is made here and not in the build stage. The second start (AOTMode=on) fails the build
# if the cache cannot be used by the very command line of the ENTRYPOINT. The JVM's [aot] warnings about
# classes it leaves out (proxies, unlinked classes) are expected; only errors are shown.
RUN java -XX:AOTCacheOutput=app.aot -Xlog:aot*=error -Dspring.context.exit=onRefresh -jar poolmap.jar \
    && java -XX:AOTCache=app.aot -XX:AOTMode=on -Dspring.context.exit=onRefresh -jar poolmap.jar
# Operation plug-ins: every jar in /app/plugins is loaded at start-up (poolmap.plugins.dir); the directory is empty in
# the image. Mount one over it (docker run -v "$PWD/plugins:/app/plugins:ro" …, or the compose file's ./plugins).
RUN mkdir /app/plugins
ENV POOLMAP_PLUGINS_DIR=/app/plugins
USER poolmap
# The durable store (poolmap.store.path): a volume, so that accepted jobs and results outlive the container. The
# user's home (/app, the default's parent) is not writable; the training run above never opens the store.
ENV POOLMAP_STORE_PATH=/var/lib/poolmap/store
VOLUME /var/lib/poolmap
# Container-aware memory: the JVM sizes itself from the container's limit; the heap may take 75 % of it
# (the JVM's own default is 25 %). A JVM out of memory exits, so that the container is restarted.
# Override or add flags with JAVA_OPTS, e.g. -e JAVA_OPTS="-XX:MaxRAMPercentage=50".
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
# The 25 images have no curl or wget: ask /actuator/health with bash alone (it answers 503 unless UP).
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${SERVER_PORT:-8080} && printf 'GET /actuator/health HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && read -r _ status _ <&3 && [ \"$status\" = 200 ]"]
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -XX:AOTCache=app.aot -jar poolmap.jar \"$@\"", "poolmap"]
