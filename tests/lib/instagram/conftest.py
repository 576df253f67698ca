"""The Graph API simulator, and a client talking to it over HTTP, for the Instagram tests."""

import random

import httpx
import pytest

from lib.instagram.graph_api import GraphApiClient

IMAGE = "https://cdn.example.com/a.jpg"
VIDEO = "https://cdn.example.com/a.mp4"


class Simulator:
    def __init__(self, base_url: str) -> None:
        self.control = httpx.Client(base_url=base_url, timeout=10)

    def account(self, **settings) -> tuple[str, str]:
        ig_user_id = str(random.randint(10**16, 10**17))
        token = f"token-{ig_user_id}"
        reply = self.control.post(
            "/_simulator/accounts", json={"ig_user_id": ig_user_id, "access_token": token, **settings}
        )
        assert reply.status_code == 201, reply.text
        return ig_user_id, token

    def fault(self, **fault) -> None:
        reply = self.control.post("/_simulator/faults", json=fault)
        assert reply.status_code == 201, reply.text

    def publishes(self, ig_user_id: str) -> list[dict]:
        return self.control.get("/_simulator/publishes", params={"ig_user_id": ig_user_id}).json()


@pytest.fixture(scope="module")
def sim(graph_simulator) -> Simulator:
    return Simulator(graph_simulator)


@pytest.fixture
async def client(graph_simulator):
    graph = GraphApiClient(meta_url=graph_simulator, version="v25.0", timeout=2)
    yield graph
    await graph.close()
