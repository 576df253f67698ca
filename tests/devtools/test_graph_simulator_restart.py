"""The simulator's world survives a restart (make run's Ctrl-C and start again): accounts,
their tokens, published media, apps and the moved clock are all still there."""

import random

import httpx

from devtools import stack


def test_a_restarted_simulator_remembers_its_world(tmp_path):
    process, url = stack.start_simulator(tmp_path)
    try:
        sim = httpx.Client(base_url=url, timeout=10)
        ig_user_id = str(random.randint(10**16, 10**17))
        token = f"EAAG-{ig_user_id}"
        sim.post(
            "/_simulator/accounts", json={"ig_user_id": ig_user_id, "access_token": token, "username": "kept"}
        )
        bearer = {"Authorization": f"Bearer {token}"}
        graph = f"/graph.facebook.com/v25.0/{ig_user_id}"
        container = sim.post(
            f"{graph}/media", data={"image_url": "https://cdn.example.com/a.jpg"}, headers=bearer
        )
        media = sim.post(
            f"{graph}/media_publish", data={"creation_id": container.json()["id"]}, headers=bearer
        )
        assert media.status_code == 200, media.text
        sim.post("/_simulator/clock", json={"offset_seconds": 3600})
    finally:
        process.terminate()
        process.wait(timeout=10)

    process, url = stack.start_simulator(tmp_path)
    try:
        sim = httpx.Client(base_url=url, timeout=10)
        published = sim.get("/_simulator/publishes", params={"ig_user_id": ig_user_id}).json()
        assert [p["media_id"] for p in published] == [media.json()["id"]]
        account = sim.get(graph, params={"fields": "username"}, headers=bearer)
        assert account.json() == {"id": ig_user_id, "username": "kept"}
        node = sim.get(
            f"/graph.facebook.com/v25.0/{media.json()['id']}", params={"fields": "permalink"}, headers=bearer
        )
        assert node.status_code == 200, "its media still exists for the metrics that ask"
        assert sim.post("/_simulator/clock", json={}).json()["offset_seconds"] == 3600
    finally:
        process.terminate()
        process.wait(timeout=10)
