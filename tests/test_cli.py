from click.testing import CliRunner

from gldocs.cli import COMMANDS, main


def test_help_lists_every_command_in_danish() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for name in COMMANDS:
        assert name in result.output
    assert "Kommandoer" in result.output
