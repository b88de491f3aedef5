from click.testing import CliRunner

from gldocs.cli import COMMANDS, main


def test_help_lists_every_command_in_danish() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for name in COMMANDS:
        assert name in result.output
    assert "Kommandoer" in result.output


def test_usage_errors_are_danish_with_exit_2() -> None:
    result = CliRunner().invoke(main, ["frister", "--findes-ikke"])
    assert result.exit_code == 2
    assert "Fejl: Tilvalget '--findes-ikke' findes ikke." in result.output
    assert "Error" not in result.output


def test_help_is_danish() -> None:
    result = CliRunner().invoke(main, ["frister", "--help"], prog_name="gldocs")
    assert result.exit_code == 0
    assert "Brug: gldocs frister [TILVALG]" in result.output
    assert "Vis denne hjælp og afslut." in result.output
    assert "Show this message" not in result.output
