"""Every command's ``--help`` (cli/_parser.py): a description of each argument and option,
and examples that run as written on the shipped example files."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from slacalc.cli import main

ROOT = Path(__file__).resolve().parent.parent
#: Every command, in the order ``slacalc --help`` lists them.
COMMAND_NAMES = [
    "contracts", "show", "due", "check", "next", "availability", "compliance", "compare",
    "schema", "validate",
]  # fmt: skip


def help_of(capsys: pytest.CaptureFixture[str], *command: str) -> str:
    assert main([*command, "--help"]) == 0
    return capsys.readouterr().out


def commands(capsys: pytest.CaptureFixture[str]) -> list[str]:
    text = help_of(capsys)
    return re.findall(r"^    (\w+)", text, re.MULTILINE)


def examples(text: str) -> list[str]:
    """The commands of a help's ``examples:`` block, continuation lines joined."""
    block = text.split("\nexamples:\n", 1)[1].split("\n\n", 1)[0]
    return block.replace("\\\n", " ").splitlines()


def test_the_top_level_help_lists_every_command_and_examples(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert commands(capsys) == COMMAND_NAMES
    assert examples(help_of(capsys))


@pytest.mark.parametrize(
    "command",
    COMMAND_NAMES,
)
def test_every_option_and_operand_has_a_description(
    capsys: pytest.CaptureFixture[str], command: str
) -> None:
    text = help_of(capsys, command)
    assert max(len(line) for line in text.splitlines()) <= 80
    lines = text.splitlines()
    options = lines[lines.index("options:") + 1 : lines.index("", lines.index("options:"))]
    entries = [n for n, line in enumerate(options) if line.startswith("  -")]
    assert entries
    for n in entries:
        described = re.match(r"  \S.*?\S  +\S", options[n]) or (
            n + 1 < len(options) and options[n + 1].startswith(" " * 8)
        )
        assert described, f"{command}: {options[n]!r} has no description"
    usage = lines[0].removeprefix("usage: ")
    for operand in ("ID", "FILE", "OUTAGES", "PRIORITY", "TIME"):
        if re.search(rf"\b{operand}\b", usage.split("[")[0]):
            assert re.search(rf"^  {operand}  +\S", text, re.MULTILINE), (command, operand)


@pytest.mark.parametrize(
    "command",
    COMMAND_NAMES,
)
def test_every_example_runs_on_the_shipped_files(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    found = examples(help_of(capsys, command))
    assert found
    monkeypatch.chdir(ROOT)
    for line in found:
        argv = shlex.split(line)
        assert argv[:2] == ["slacalc", command]
        code = main(argv[1:])
        err = capsys.readouterr().err
        assert code in (0, 1), (line, err)  # 1: a breach found, as the example shows
        assert err == "", line


def test_help_loads_neither_pydantic_nor_the_engine() -> None:
    # `slacalc --help` stays under 0.3 s (benchmarks/bench_startup.py): it imports only the
    # parser; a command's module is imported when the command runs.
    import subprocess
    import sys

    code = (
        "import sys, contextlib, io\n"
        "from slacalc.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['--help']); main(['check', '--help'])\n"
        "loaded = [m for m in sys.modules if m.startswith(('pydantic', 'holidays', 'slacalc._'))]\n"
        "print(sorted(loaded))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['slacalc._base', 'slacalc._base.errors', 'slacalc._io', " \
        "'slacalc._io.columns']"  # fmt: skip


def test_import_slacalc_is_cheap_and_the_first_public_name_loads_them_all() -> None:
    import subprocess
    import sys

    code = (
        "import sys; import slacalc; print('pydantic' in sys.modules)\n"
        "from slacalc import Ticket; print('pydantic' in sys.modules, Ticket.__module__,"
        " slacalc.Calendar.__module__, slacalc.CalendarError.__module__)\n"
        "print(sorted(set(slacalc.__all__) - set(dir(slacalc))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines() == ["False", "True slacalc slacalc slacalc", "[]"]
