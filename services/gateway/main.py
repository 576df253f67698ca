"""Run the gateway: python -m services.gateway.main"""

import uvicorn

from lib.common import process_telemetry
from lib.common.config import get_settings
from services.gateway.app import create_app

if __name__ == "__main__":
    settings = get_settings()
    process_telemetry.setup("gateway", settings)
    uvicorn.run(
        create_app(settings),
        host=settings.gateway_host,
        port=settings.gateway_port,
        log_level="warning",
        # Uvicorn's loggers go through the process's (JSON) handler.
        log_config=None,
        access_log=False,
    )
