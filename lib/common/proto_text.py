"""PostgreSQL text cannot hold NUL characters: find them in a request before it gets there."""

from google.protobuf.message import Message


def nul_field(message: Message, prefix: str = "") -> str | None:
    """The dotted path of the first string field holding a NUL character, or None."""
    for descriptor, value in message.ListFields():
        path = f"{prefix}{descriptor.name}"
        if descriptor.message_type is not None and descriptor.message_type.GetOptions().map_entry:
            for key, item in value.items():
                if "\x00" in str(key) or (isinstance(item, str) and "\x00" in item):
                    return f"{path}.{key}"
        elif descriptor.message_type is not None:
            items = value if descriptor.is_repeated else [value]
            for index, item in enumerate(items):
                label = f"{path}.{index}." if descriptor.is_repeated else f"{path}."
                found = nul_field(item, label)
                if found:
                    return found
        elif isinstance(value, str) and "\x00" in value:
            return path
        elif descriptor.is_repeated:
            for index, item in enumerate(value):
                if isinstance(item, str) and "\x00" in item:
                    return f"{path}.{index}"
    return None
