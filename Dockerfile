# syntax=docker/dockerfile:1
# The Lancers dedicated server in a container (README.md, "Run it as a service"):
#   docker build -t lancers-server .
#   docker run -d --name lancers -p 8025:8025 lancers-server --name "Friday LAN"
# Flags after the image name go to the server (`docker run --rm lancers-server --help` lists them);
# LANCERS_PORT and LANCERS_DISCOVERY_PORT (below) set its ports, JAVA_OPTS the JVM's.

# ---- build: the server's fat jar, with the project's Maven wrapper ----
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -q -pl game-server -am package -DskipTests \
    && cp game-server/target/game-server.jar /game-server.jar

# ---- run: a JRE and the jar, as a user without privileges ----
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin lancers
COPY --from=build /game-server.jar /opt/lancers/game-server.jar
USER lancers
ENV LANCERS_PORT=8025 \
    LANCERS_DISCOVERY_PORT=8026 \
    JAVA_OPTS="-XX:MaxRAMPercentage=75"
# 8025: the game (WebSocket /game) and GET /status, /metrics. 8026/udp: LAN discovery, which only
# reaches a LAN from a container on the host's network (`docker run --network host ...`).
EXPOSE 8025/tcp 8026/udp
# bash's /dev/tcp: the JRE image has no curl to spare.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
    CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/$LANCERS_PORT && printf "GET /status HTTP/1.0\r\n\r\n" >&3 && head -1 <&3 | grep -q " 200 "'
# exec: java is PID 1 and gets `docker stop`'s SIGTERM itself, so clients hear 1001 before it exits.
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /opt/lancers/game-server.jar --port \"$LANCERS_PORT\" --discovery-port \"$LANCERS_DISCOVERY_PORT\" \"$@\"", "lancers-server"]
