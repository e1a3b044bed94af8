# ssos-lint's self-check page and API as a container: `ssos-lint serve`.
#
#   docker build -t ssos-lint .
#   docker run --rm -p 8080:8080 --read-only ssos-lint
#
# The service keeps no state (uploads are checked in memory and dropped), so
# any number of copies can run behind a load balancer; probe GET /healthz.
# Stop with SIGTERM: requests in flight are finished first (up to 30 s).

FROM rust:1.95-slim-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release --locked --bin ssos-lint \
 && install -D -m 0755 target/release/ssos-lint /out/ssos-lint

FROM debian:bookworm-slim
RUN useradd --system --uid 10001 --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin ssos
COPY --from=build /out/ssos-lint /usr/local/bin/ssos-lint
USER 10001:10001
WORKDIR /
EXPOSE 8080
ENV RUST_LOG=info
ENTRYPOINT ["/usr/local/bin/ssos-lint"]
CMD ["serve", "--addr", "0.0.0.0:8080"]
