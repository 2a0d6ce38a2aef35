"""The browser chat UI (Gradio), a thin client of `assistant`."""
