"""MLOps Stack Assistant: answers questions about one article, citing the passages it used."""

from .pipeline import Assistant
from .settings import Settings, load_settings
from .types import AssistantError, Citation, QuestionError, Reply, reply_to_json

__all__ = ["Assistant", "AssistantError", "Citation", "QuestionError", "Reply", "Settings",
           "load_settings", "reply_to_json"]
