"""Data files beside a stage: word lists without comments and blanks, JSON without doc keys."""
from __future__ import annotations

import json
from pathlib import Path

from tasks.common.datafiles import DataFiles


def test_beside_a_module_reads_its_data_folder(tmp_path):
    module = tmp_path / "stage" / "reader.py"
    (module.parent / "data").mkdir(parents=True)
    module.write_text("", encoding="utf-8")
    data = DataFiles.beside(str(module))
    assert data.folder == module.parent.resolve() / "data"
    assert data.path("words.txt") == module.parent.resolve() / "data" / "words.txt"


def test_lines_json_and_entries(tmp_path):
    (tmp_path / "words.txt").write_text("# cue verbs\n  said \n\n   # indented comment\nadded\n", encoding="utf-8")
    (tmp_path / "units.json").write_text(json.dumps({"_doc": "units", "km": 1000, "m": 1}), encoding="utf-8")
    data = DataFiles(Path(tmp_path))
    assert data.lines("words.txt") == ("said", "added")
    assert data.json("units.json") == {"_doc": "units", "km": 1000, "m": 1}
    assert data.entries("units.json") == {"km": 1000, "m": 1}


def test_the_stages_data_files_load():
    from tasks.ingest.formats import html

    assert html.DATA.lines("html_boilerplate.txt")[0].startswith("^\\(?")
