"""The ground floor: libraries every service and workflow may import. Nothing here imports
from services/, workflows/ or devtools/."""
