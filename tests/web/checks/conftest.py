import io

import pytest
from PIL import Image

PHONE_POST = "Lost: a blue coat. Ring Mr Patel on 07700 900123 if you find it."


@pytest.fixture
def png_bytes():
    buf = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(buf, format="PNG")
    return buf.getvalue()


@pytest.fixture
def draft_with_phone(school, users):
    """A teacher's draft for the official account whose text publishes a mobile number."""
    from socialguard.web.checks import workflow
    return workflow.create_draft(school=school, user=users["teacher"], handle="@OakfieldPrimary",
                                 platform="facebook", text=PHONE_POST, title="Lost coat")
