"""School pages through the Django test client: allowed, forbidden, bad input."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from socialguard.web.schools.models import ConsentChange, ImportBatch
from socialguard.web.schools.services import export_school_yaml

SIMS = ("Adno,UPN,Legal Surname,Legal Forename,Preferred Forename,DOB,Year,Reg\n"
        "1001,A1,Patel,Aarav,Ari,02/05/2016,Year 5,5P\n")


def url(name, school, **kw):
    return reverse(f"schools:{name}", kwargs={"school": school.slug, **kw})


def upload(client, school, content: bytes, name="roster.csv", ctype="text/csv", **fields):
    f = SimpleUploadedFile(name, content, content_type=ctype)
    data = {"file": f, "encoding": "auto", "default_role": "pupil", "format": "", **fields}
    return client.post(url("import_upload", school), data)


def test_an_import_goes_upload_then_preview_then_commit(client_as, school):
    c = client_as("comms")
    r = upload(c, school, SIMS.encode())
    batch = ImportBatch.objects.get()
    assert r.status_code == 302 and r["Location"] == url("import_preview", school, batch=batch.pk)
    r = c.get(r["Location"])
    assert r.status_code == 200 and b"1 rows to import: 1 new" in r.content
    assert not school.people.filter(external_id="1001").exists()
    r = c.post(url("import_commit", school, batch=batch.pk), {"action": "commit"})
    assert r.status_code == 302
    assert school.people.get(external_id="1001").preferred_name == "Ari"
    batch.refresh_from_db()
    assert batch.status == "committed" and bytes(batch.content) == b""   # the roster is not kept


def test_unknown_headings_go_to_the_mapping_step(client_as, school):
    c = client_as("head")
    r = upload(c, school, b"Pupil No,Given,Family\nX1,Ada,King\n")
    batch = ImportBatch.objects.get()
    assert r["Location"] == url("import_map", school, batch=batch.pk)
    page = c.get(r["Location"])
    assert b"<th scope=\"col\">Pupil No</th>" in page.content and b"<td>Ada</td>" in page.content
    r = c.post(r["Location"], {"external_id": "Pupil No", "first_name": "Pupil No"})
    assert r.status_code == 400 and b"mapped twice" in r.content
    r = c.post(url("import_map", school, batch=batch.pk),
               {"external_id": "Pupil No", "first_name": "Given", "last_name": "Family"})
    assert r.status_code == 302
    c.post(url("import_commit", school, batch=batch.pk), {"action": "commit"})
    assert school.people.get(external_id="X1").last_name == "King"


def test_a_file_with_errors_cannot_be_committed(client_as, school):
    c = client_as("head")
    upload(c, school, b"id,role,first_name,last_name\nP1,pupil,Al,Hughes\nP1,pupil,Al,Hughes\n")
    batch = ImportBatch.objects.get()
    r = c.get(url("import_preview", school, batch=batch.pk))
    assert b"Line 3" in r.content and b"duplicate id" in r.content and b"Commit the import" not in r.content
    r = c.post(url("import_commit", school, batch=batch.pk), {"action": "commit"})
    assert r.status_code == 400
    assert school.people.get(external_id="P1").first_name == "Alexander"


def test_an_upload_of_the_wrong_type_or_size_is_refused(client_as, school, settings):
    c = client_as("head")
    r = upload(c, school, b"\x89PNG....", name="photo.png", ctype="image/png")
    assert r.status_code == 400 and b"Upload a .csv or .txt file" in r.content
    r = upload(c, school, SIMS.encode(), ctype="application/x-msdownload")
    assert r.status_code == 400 and b"not allowed" in r.content
    settings.SG_MAX_UPLOAD_BYTES = 10
    r = upload(c, school, SIMS.encode())
    assert r.status_code == 400 and b"the limit is" in r.content
    assert not ImportBatch.objects.exists()


def test_an_unreadable_upload_shows_why(client_as, school):
    r = upload(client_as("head"), school, b"PK\x03\x04zipzip", name="roster.csv")
    assert r.status_code == 400 and b"spreadsheet" in r.content


def test_a_batch_of_another_school_is_not_found(client_as, school, other_school, users):
    b = ImportBatch.objects.create(school=other_school, filename="x.csv", content=b"id\n")
    assert client_as("head").get(url("import_preview", school, batch=b.pk)).status_code == 404


def test_cancelling_an_import_drops_the_file(client_as, school):
    c = client_as("head")
    upload(c, school, SIMS.encode())
    b = ImportBatch.objects.get()
    c.post(url("import_commit", school, batch=b.pk), {"action": "cancel"})
    b.refresh_from_db()
    assert b.status == "cancelled" and bytes(b.content) == b""
    assert not school.people.filter(external_id="1001").exists()


def test_an_editor_changes_consent_and_it_is_logged(client_as, school, users):
    p = school.people.get(external_id="P2")
    r = client_as("dsl").post(url("consent_edit", school, person=p.pk),
                              {"photo_consent": "no", "name_consent": "yes", "note": "form 3 Nov"})
    assert r.status_code == 302
    p.refresh_from_db()
    assert p.photo_consent is False
    c = ConsentChange.objects.get(person=p)
    assert (c.field, c.old, c.new, c.changed_by, c.note) == ("photo_consent", True, False,
                                                            users["dsl"], "form 3 Nov")
    r = client_as("teacher").get(url("consent_history", school))
    assert b"form 3 Nov" in r.content


def test_a_bad_consent_value_is_refused_and_nothing_changes(client_as, school):
    p = school.people.get(external_id="P2")
    r = client_as("head").post(url("consent_edit", school, person=p.pk),
                               {"photo_consent": "maybe", "name_consent": "yes"})
    assert r.status_code == 400
    p.refresh_from_db()
    assert p.photo_consent is True and not ConsentChange.objects.exists()


def test_a_teacher_cannot_change_consent(client_as, school):
    p = school.people.get(external_id="P2")
    r = client_as("teacher").post(url("consent_edit", school, person=p.pk), {"photo_consent": "no"})
    assert r.status_code == 403
    p.refresh_from_db()
    assert p.photo_consent is True


def test_consent_of_a_pupil_of_another_school_is_not_found(client_as, school, other_school):
    p = other_school.people.get(external_id="B1")
    assert client_as("head").get(url("consent_edit", school, person=p.pk)).status_code == 404
    staff = school.people.get(external_id="S1")
    assert client_as("head").get(url("consent_edit", school, person=staff.pk)).status_code == 404


def test_a_parent_sees_only_their_own_children(client_as, school):
    r = client_as("parent").get(url("my_children", school))
    assert b"Alfie Hughes" in r.content and b"Olivia" not in r.content


def test_settings_are_edited_and_a_bad_lesson_time_is_refused(client_as, school):
    c = client_as("head")
    r = c.get(url("edit", school))
    assert r.status_code == 200 and b"monday: 08:50-10:20" in r.content
    before = export_school_yaml(school)
    form = {"name": school.name, "timezone": "Europe/London", "min_platform_age": 13,
            "lesson_times": "monday: 9-10", "term_dates": "", "aliases": "Oakfield"}
    r = c.post(url("edit", school), form)
    assert r.status_code == 400 and b"must look like 08:50-10:20" in r.content
    school.refresh_from_db()
    assert export_school_yaml(school) == before
    r = c.post(url("edit", school), {**form, "lesson_times": "monday: 09:00-10:00",
                                     "term_dates": "2026-09-03 to 2026-10-23"})
    assert r.status_code == 302
    school.refresh_from_db()
    assert school.lesson_times == {"monday": ["09:00-10:00"]}
    assert school.term_dates == [["2026-09-03", "2026-10-23"]]


def test_school_yaml_downloads_and_uploads(client_as, school):
    c = client_as("head")
    r = c.get(url("export_yaml", school))
    assert r.status_code == 200 and "attachment" in r["Content-Disposition"]
    text = r.content.decode().replace("Oakfield Primary School", "Oakfield Primary Academy")
    r = c.post(url("import_yaml", school),
               {"file": SimpleUploadedFile("school.yaml", text.encode(), "application/yaml")})
    assert r.status_code == 302
    school.refresh_from_db()
    assert school.name == "Oakfield Primary Academy"
    r = c.post(url("import_yaml", school),
               {"file": SimpleUploadedFile("school.yaml", b"name: [", "application/yaml")})
    assert r.status_code == 400 and b"not valid YAML" in r.content


def test_people_csv_download_neutralises_formulas(client_as, school):
    p = school.people.get(external_id="S2")
    p.last_name = "+SUM(1,2)"
    p.save()
    r = client_as("head").get(url("export_people", school))
    assert b"'+SUM(1,2)" in r.content


def test_names_are_escaped_on_every_page(client_as, school):
    p = school.people.get(external_id="P2")
    p.last_name = "<script>alert(1)</script>"
    p.save()
    c = client_as("head")
    for page in (url("people", school), url("person", school, person=p.pk), url("consent", school)):
        r = c.get(page)
        assert b"<script>alert(1)" not in r.content and b"&lt;script&gt;" in r.content, page


def test_people_can_be_searched_and_filtered(client_as, school):
    r = client_as("teacher").get(url("people", school), {"q": "olivia", "role": "pupil"})
    assert b"Olivia" in r.content and b"Alfie" not in r.content


def test_an_upload_left_uncommitted_for_a_day_is_dropped(client_as, school):
    import datetime as dt

    from django.utils import timezone
    old = ImportBatch.objects.create(school=school, filename="old.csv", content=b"id\nX\n")
    ImportBatch.objects.filter(pk=old.pk).update(uploaded_at=timezone.now() - dt.timedelta(days=2))
    upload(client_as("head"), school, SIMS.encode())
    old.refresh_from_db()
    assert old.status == "cancelled" and bytes(old.content) == b""
    assert ImportBatch.objects.filter(status="pending").count() == 1


def test_the_consent_register_filters_by_year_and_lists_current_pupils_only(client_as, school):
    r = client_as("teacher").get(url("consent", school), {"year": "4"})
    assert b"Olivia" in r.content and b"Alfie" not in r.content
    assert r.context["years"] == ["4", "5", "6"]          # past pupils have no year group
    r = client_as("teacher").get(url("consent", school))
    assert b"Grace" not in r.content                      # left in July


def test_hostile_query_strings_are_harmless(client_as, school):
    c = client_as("teacher")
    assert c.get(url("people", school), {"q": "a\x00b", "page": "-1", "role": "x'"}).status_code == 200
    assert c.get(url("consent", school), {"year": "\x00", "page": "zz"}).status_code == 200
    assert c.get(url("people", school), {"q": "<script>"}).content.count(b"<script>") == 0


def test_an_id_too_big_for_the_database_is_not_found(client_as, school):
    huge = 10 ** 30
    assert client_as("head").get(url("person", school, person=huge)).status_code == 404
    assert client_as("head").get(url("import_preview", school, batch=huge)).status_code == 404


def test_the_upload_form_can_mark_leavers_and_the_preview_names_them(client_as, school):
    c = client_as("head")
    upload(c, school, b"id,role,first_name,last_name\nP1,pupil,Alexander,Hughes\n", mark_leavers="on")
    b = ImportBatch.objects.get()
    r = c.get(url("import_preview", school, batch=b.pk))
    assert b"2 current pupils not in the file will be marked as left" in r.content
    assert b"Olivia Brown (P2" in r.content
    c.post(url("import_commit", school, batch=b.pk), {"action": "commit"})
    assert school.people.get(external_id="P2").left_on is not None
