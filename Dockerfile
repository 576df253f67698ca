# One image for every Postflow process; docker-compose.yml (and deploy/) pick the process
# by its command, the same `python -m ...` commands as the Procfile.
FROM python:3.11.7-slim-bookworm

ENV PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# The dependencies first, exactly as pyproject.toml pins them, so that a change to the code
# alone reuses this layer.
COPY pyproject.toml ./
RUN mkdir lib services protos workflows devtools bench \
    && pip install . \
    && pip uninstall --yes postflow

COPY lib ./lib
COPY protos ./protos
COPY services ./services
COPY workflows ./workflows
COPY devtools ./devtools
COPY web ./web
COPY Procfile ./

# Never root: the processes need to write nothing but their temp files.
RUN useradd --system --uid 10001 --no-create-home --home-dir /app postflow
USER 10001

# Overridden per service; this one answers `docker run <image>` with something useful.
CMD ["python", "-m", "services.migrate"]
