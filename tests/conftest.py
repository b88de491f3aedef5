"""Every test runs with its own gldocs home: no test reads or writes the machine's settings,
salt or disclosure log."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _own_gldocs_home(tmp_path_factory: pytest.TempPathFactory,
                     monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("gldocs-home")
    monkeypatch.setenv("GLDOCS_HOME", str(home))
    monkeypatch.delenv("GLDOCS_LOG", raising=False)
    return home
