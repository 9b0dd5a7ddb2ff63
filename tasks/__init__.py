"""newsfacts stages: plain typed Python, one module per stage, importable without Prefect."""

PIPELINE_VERSION = "0.2.0"
