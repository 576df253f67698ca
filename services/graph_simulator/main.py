"""Run the Graph API simulator: python -m services.graph_simulator.main"""

import uvicorn

from services.common.config import get_settings
from services.graph_simulator.app import create_app

if __name__ == "__main__":
    settings = get_settings()
    uvicorn.run(
        create_app(),
        host=settings.graph_simulator_host,
        port=settings.graph_simulator_port,
        log_level="warning",
    )
