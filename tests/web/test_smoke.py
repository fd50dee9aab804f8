from django.urls import reverse


def test_it_shows_a_head_their_school(client_as, school):
    r = client_as("head").get(reverse("schools:detail", kwargs={"school": school.slug}))
    assert r.status_code == 200
    assert b"Oakfield Primary School" in r.content


def test_it_forbids_the_head_of_another_school(other_head, school):
    from django.test import Client
    c = Client()
    c.force_login(other_head)
    assert c.get(reverse("schools:detail", kwargs={"school": school.slug})).status_code == 403
