"""scan_folder names each file by its path relative to SOURCE_DIR, whatever the names and however the
folder is given (its per-folder shortcut must agree with os.path.relpath)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from warehouse.scanning import scan_folder

NAMES = ["a.txt", "z b.txt", "Қазақ/жаңалық.txt", "deep/er/still/x.txt", "-dash.txt", "it's.txt",
         "deep/mixé.txt"]


def _tree(root: Path) -> set[str]:
    for n in NAMES:
        (root / n).parent.mkdir(parents=True, exist_ok=True)
        (root / n).write_text("Astana exports.\n", encoding="utf-8")
    (root / os.fsdecode(b"bad\xffname.txt")).write_text("x", encoding="utf-8")
    (root / os.fsdecode(b"bad\xfedir")).mkdir()
    (root / os.fsdecode(b"bad\xfedir") / "plain.txt").write_text("x", encoding="utf-8")
    return set(NAMES)


@pytest.mark.parametrize("form", ["absolute", "trailing slash", "relative", "dotted"])
def test_relative_names_whatever_the_root_looks_like(tmp_path, monkeypatch, form):
    root = tmp_path / "src"
    root.mkdir()
    want = _tree(root)
    monkeypatch.chdir(tmp_path)
    given = {"absolute": root, "trailing slash": Path(str(root) + "/"), "relative": Path("src"),
             "dotted": Path("./src/../src")}[form]
    listing = scan_folder(Path(str(given)) if form != "trailing slash" else given)
    assert set(listing.files) == want
    for rel, (size, _mtime) in listing.files.items():
        assert size == os.path.getsize(root / rel)
    # a name that is not UTF-8 is listed, escaped, and never read
    assert sorted(listing.special) == ["bad\\xfedir/plain.txt", "bad\\xffname.txt"]
