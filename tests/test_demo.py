from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from pos_app.demo import DemoSession
from pos_app.sandbox import demo_data as demo
from pos_app.services.secrets import SecretName
from pos_app.services.settings import SettingsError


def test_demo_points_at_its_own_simulator_and_cleans_up(monkeypatch: pytest.MonkeyPatch) -> None:
    # A shop's real settings in the environment must not leak into the demo.
    monkeypatch.setenv("POS_APP_PIGGY_BASE_URL", "https://api.piggy.eu")
    monkeypatch.setenv("POS_APP_PIGGY_TOKEN", "real-shop-token")
    # Nor may the demo's pickups reach the shop's shared journal.
    monkeypatch.setenv("POS_APP_SHARED_JOURNAL_URL", "postgresql://counter_1@db.example/pos")
    monkeypatch.delenv("POS_APP_DATA_DIR")
    with DemoSession() as session:
        assert session.simulator is not None
        settings = session.settings
        assert settings.shared_journal_url is None
        assert settings.piggy_base_url == session.simulator.url
        assert settings.nudj_base_url == session.simulator.url
        assert settings.shop_uuid == session.simulator.state.data.shops[0].uuid
        assert session.secrets.get(SecretName.PIGGY_TOKEN) == demo.DEMO_PIGGY_TOKEN
        data_dir = settings.data_dir
        assert data_dir.is_dir()
        assert "pos-app-demo-" in data_dir.name
        shops = httpx.get(
            f"{settings.piggy_base_url}/api/v3/oauth/clients/shops",
            headers={"Authorization": f"Bearer {demo.DEMO_PIGGY_TOKEN}"},
        )
        assert shops.status_code == 200
        info = session.info
        assert info.cards == demo.DEMO_CARDS
        assert info.mailbox is not None
        assert info.mailbox(demo.EMAIL_MAIN) is None
    assert not data_dir.exists()


def test_demo_keeps_a_given_data_dir(tmp_path: Path) -> None:
    with DemoSession(data_dir=tmp_path / "keep") as session:
        assert session.settings.data_dir == tmp_path / "keep"
    assert session.simulator is None


def test_demo_faults_are_applied() -> None:
    with DemoSession(faults=["piggy.shops=maintenance"]) as session:
        assert session.info.faults == ("piggy.shops",)
        response = httpx.get(
            f"{session.settings.piggy_base_url}/api/v3/oauth/clients/shops",
            headers={"Authorization": f"Bearer {demo.DEMO_PIGGY_TOKEN}"},
        )
        assert response.status_code == 503


def test_bad_fault_is_a_message() -> None:
    with pytest.raises(SettingsError, match="--fault: "):
        DemoSession(faults=["piggy.nothing=timeout"])
