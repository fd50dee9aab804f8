from django.urls import reverse

from socialguard.web.api.models import ApiToken, hash_key


def test_a_user_makes_a_token_sees_it_once_and_only_its_hash_is_stored(school, client_as, users):
    c = client_as("teacher")
    r = c.post(reverse("api:tokens"), {"name": "newsletter script"})
    key = r.context["new_key"]
    assert key.startswith("sg_") and key in r.content.decode() and r["Cache-Control"] == "no-store"
    tok = ApiToken.objects.get()
    assert tok.key_hash == hash_key(key) and key not in (tok.prefix, tok.key_hash)
    assert key not in c.get(reverse("api:tokens")).content.decode()
    assert ApiToken.user_for(key) == users["teacher"]


def test_only_the_owner_revokes_a_token(school, client_as, users):
    tok, key = ApiToken.issue(users["teacher"], "x")
    url = reverse("api:token_revoke", kwargs={"pk": tok.pk})
    assert client_as("head").post(url).status_code == 404
    assert client_as("teacher").post(url).status_code == 302
    assert ApiToken.user_for(key) is None


def test_a_token_needs_a_name(school, client_as):
    r = client_as("teacher").post(reverse("api:tokens"), {"name": " "})
    assert "Give the token a name" in r.content.decode() and not ApiToken.objects.exists()
