"""The site's pictures (docs/_hooks/pictures.py): each builds and parses without mkdocs,
every image a page shows is one of them, and no page still draws a diagram in block art."""

from __future__ import annotations

import importlib.util
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

DOCS = Path(__file__).resolve().parent.parent / "docs"
BLOCK_ART = re.compile("[█░▓▲│┊·]")
IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?:\.\./)*pictures/(?P<name>[\w-]+)\.svg\)")
PAGES = sorted(p for p in DOCS.rglob("*.md"))


def load_hook() -> ModuleType:
    spec = importlib.util.spec_from_file_location("docs_pictures", DOCS / "_hooks" / "pictures.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


HOOK = load_hook()
SHOWN = {m["name"]: (page, m["alt"]) for page in PAGES for m in IMAGE.finditer(page.read_text())}


@pytest.mark.parametrize("name", sorted(HOOK.PICTURES))
def test_every_picture_builds_parses_and_is_shown(name: str) -> None:
    root = ET.fromstring(HOOK.draw(name))
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert (root.findtext("{http://www.w3.org/2000/svg}title") or "").strip()
    assert name in SHOWN, f"pictures/{name}.svg is drawn but no page shows it"


@pytest.mark.parametrize("name", sorted(SHOWN))
def test_every_image_of_a_page_is_a_picture_with_alt_text(name: str) -> None:
    page, alt = SHOWN[name]
    assert name in HOOK.PICTURES, f"{page.name} shows pictures/{name}.svg, which nothing draws"
    assert len(alt.split()) >= 5, f"{page.name}: the alt text of {name} says too little"


def test_ticket_pictures_show_the_tickets_their_pages_evaluate() -> None:
    for name, picture in HOOK.PICTURES.items():
        if hasattr(picture, "ticket"):
            page, _ = SHOWN[name]
            assert f'id="{picture.ticket.id}"' in page.read_text(), (name, page.name)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_no_page_draws_in_block_art(page: Path) -> None:
    for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
        assert not BLOCK_ART.search(line), f"{page.name}:{number}: {line.strip()}"


def test_the_terminal_picture_shows_every_check_column_in_80x24() -> None:
    picture = HOOK.PICTURES["check-in-a-terminal"]
    screen = picture.screen()
    assert len(screen) == 24
    assert all(len(line) <= 80 for line, _ in screen)
    text = "\n".join(line for line, _ in screen)
    for column in ("ticket", "contract", "priority", "metric", "status", "due", "remaining",
                   "elapsed"):  # fmt: skip
        assert re.search(rf"\b{column}\b", text), column
    colours = {c for _, c in screen}
    assert "31" in colours  # a breached row, red
    assert "33" in colours  # an at-risk row, yellow
    assert "…" not in text  # nothing had to be cut
    root = ET.fromstring(HOOK.draw("check-in-a-terminal"))
    assert len(root.findall(".//{http://www.w3.org/2000/svg}text")) == 24
