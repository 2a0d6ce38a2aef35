"""One settings object: defaults, a TOML file, STACK_ASSISTANT_ env vars; bad values rejected."""

import pytest

from assistant import Settings, load_settings
from assistant.types import SettingsError


def test_defaults_are_documented():
    for name, field in Settings.model_fields.items():
        assert field.description, f"{name} has no description"


def test_env_overrides_file_overrides_defaults(tmp_path, monkeypatch):
    config = tmp_path / "sa.toml"
    config.write_text('top_k = 4\nmax_sentences = 2\nchroma_url = "http://127.0.0.1:8000/"\n')
    monkeypatch.setenv("STACK_ASSISTANT_TOP_K", "5")
    s = load_settings(config)
    assert s.top_k == 5 and s.max_sentences == 2 and s.chroma_url == "http://127.0.0.1:8000"
    monkeypatch.setenv("STACK_ASSISTANT_CONFIG", str(config))
    assert load_settings().max_sentences == 2
    assert load_settings(top_k=7).top_k == 7


@pytest.mark.parametrize("env, message", [
    ({"STACK_ASSISTANT_TOP_K": "0"}, "top_k"),
    ({"STACK_ASSISTANT_TOP_K": "50", "STACK_ASSISTANT_CANDIDATES_K": "10"}, "candidates_k"),
    ({"STACK_ASSISTANT_CHROMA_URL": "localhost:8000"}, "http://"),
    ({"STACK_ASSISTANT_BACKEND": "gpt-17"}, "backend"),
    ({"STACK_ASSISTANT_TOPK": "3"}, "unknown setting"),
    ({"STACK_ASSISTANT_CONFIG": "/no/such/file.toml"}, "config file not found"),
])
def test_bad_settings_are_rejected_clearly(monkeypatch, env, message):
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    with pytest.raises(SettingsError, match=message):
        load_settings()


def test_unknown_or_malformed_config_file(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("top_k = [\n")
    with pytest.raises(SettingsError):
        load_settings(bad)
    unknown = tmp_path / "unknown.toml"
    unknown.write_text("colour = 'blue'\n")
    with pytest.raises(SettingsError, match="colour"):
        load_settings(unknown)
