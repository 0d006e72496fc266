# eventa's image: the server jar on a Java 17 runtime, run as an unprivileged user.
# Build from the repository's root: docker build -t eventa .
# deploy/compose.yaml runs it with PostgreSQL and Caddy; see README, "Run in production".

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
# The build generates jOOQ classes against an embedded PostgreSQL it starts itself; no tests here.
RUN ./mvnw --batch-mode --no-transfer-progress -pl app-server -am package -DskipTests

FROM eclipse-temurin:17-jre
RUN groupadd --system eventa \
 && useradd --system --gid eventa --home-dir /var/lib/eventa --create-home --shell /usr/sbin/nologin eventa
COPY --from=build /src/app-server/target/eventa-server.jar /opt/eventa/eventa-server.jar
USER eventa
WORKDIR /var/lib/eventa
ENV EVENTA_HOST=0.0.0.0 \
    EVENTA_PORT=8080 \
    EVENTA_DATA_DIR=/var/lib/eventa \
    EVENTA_LOG_FORMAT=json
VOLUME ["/var/lib/eventa"]
EXPOSE 8080
# The runtime image has no curl: the jar asks its own /ready.
HEALTHCHECK --interval=30s --timeout=10s --start-period=90s --retries=3 \
  CMD ["java", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-jar", "/opt/eventa/eventa-server.jar", "health"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/eventa/eventa-server.jar"]
CMD ["serve"]
