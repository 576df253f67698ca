"""Run the realtime service: python -m services.realtime.main"""

import uvicorn

from lib.common import process_telemetry
from lib.common.config import get_settings
from services.realtime.app import create_app

if __name__ == "__main__":
    settings = get_settings()
    process_telemetry.setup("realtime", settings)
    uvicorn.run(
        create_app(settings),
        host=settings.realtime_host,
        port=settings.realtime_port,
        log_level="warning",
        # Uvicorn's loggers go through the process's (JSON) handler.
        log_config=None,
        # Protocol-level pings find dead links; the application heartbeat is for clients.
        ws_ping_interval=20,
        ws_ping_timeout=20,
        # Uvicorn waits this long for connections to close on shutdown.
        timeout_graceful_shutdown=5,
    )
