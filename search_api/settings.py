"""Typed settings, read from VNLEX_* environment variables and injected into create_app()."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from platformdirs import user_data_dir
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO_ROOT.parent / "shared" / "corpus"


def default_index_url() -> str:
    return f"sqlite:///{Path(user_data_dir('vnlex')) / 'index.sqlite'}"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="VNLEX_")

    index_url: str = Field(default_factory=default_index_url)
    es_username: str | None = None
    es_password: str | None = None
    es_ca_certs: str | None = None
    # Write endpoints (ingest, reindex) are refused unless a token is configured.
    api_token: str | None = None
    host: str = "127.0.0.1"
    port: int = 8000
    max_file_mb: float = 50.0
    max_upload_mb: float = 20.0
    workers: int = 2
    # Status ("còn hiệu lực", ...) depends on the date; tests pin it.
    today: date | None = None
    corpus_dir: Path = DEFAULT_CORPUS

    def effective_today(self) -> date:
        return self.today or date.today()
