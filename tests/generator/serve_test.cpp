// Tests for generator/src/serve.cpp: the preview server answers with the
// site's files and with 404.html for a missing page (loopback only).
#include "serve.hpp"

#include <doctest/doctest.h>

#include <thread>

#include "support.hpp"

TEST_CASE("the server serves files and the 404 page") {
    simpul::test::TempDir tmp;
    simpul::test::write_file(tmp / "index.html", "<h1>Beranda</h1>");
    simpul::test::write_file(tmp / "404.html", "tidak ditemukan");
    httplib::Server server;
    REQUIRE(simpul::gen::configure_server(server, tmp.path()));
    int port = server.bind_to_any_port("127.0.0.1");
    REQUIRE(port > 0);
    std::thread th([&] { server.listen_after_bind(); });
    while (!server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    httplib::Client client("127.0.0.1", port);
    auto home = client.Get("/");
    REQUIRE(home);
    CHECK(home->status == 200);
    CHECK(home->body == "<h1>Beranda</h1>");
    auto missing = client.Get("/tidak/ada");
    REQUIRE(missing);
    CHECK(missing->status == 404);
    CHECK(missing->body == "tidak ditemukan");
    server.stop();
    th.join();
}

TEST_CASE("a folder that does not exist cannot be served") {
    httplib::Server server;
    CHECK_FALSE(simpul::gen::configure_server(server, "/nonexistent/simpul"));
}
