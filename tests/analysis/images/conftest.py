from pathlib import Path

import pytest

import socialguard.demo.images as demo_images

DEMO = Path(demo_images.__file__).parent


@pytest.fixture
def demo() -> Path:
    return DEMO
