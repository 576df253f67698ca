"""Run the Graph API simulator: python -m devtools.graph_simulator.main"""

import uvicorn

from devtools.graph_simulator.app import create_app
from lib.common.config import get_settings

if __name__ == "__main__":
    settings = get_settings()
    uvicorn.run(
        create_app(
            settings.graph_simulator_state_file,
            own_url=f"http://127.0.0.1:{settings.graph_simulator_port}",
        ),
        host=settings.graph_simulator_host,
        port=settings.graph_simulator_port,
        log_level="warning",
    )
