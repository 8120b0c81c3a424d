"""Read-aloud: kana readings, speech engines and the worker process that runs them. Imports no Qt."""
