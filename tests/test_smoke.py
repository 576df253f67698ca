def test_create_and_get(api):
    user = api.new_user()
    post = user.create_post()
    got = user.client.get(f"/api/v1/posts/{post['id']}")
    assert got.status_code == 200, got.text
    assert got.json()["caption"] == "Morning light over the harbour"
