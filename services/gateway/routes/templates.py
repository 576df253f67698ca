"""/api/v1/templates: named post templates and new drafts made from them."""

from fastapi import APIRouter

from protos import posts_pb2
from services.gateway import convert, schemas
from services.gateway.deps import CurrentUser, PostsDep

router = APIRouter(prefix="/api/v1/templates", tags=["templates"])


@router.get("", response_model=list[schemas.PostOut])
async def list_templates(user_id: CurrentUser, posts: PostsDep):
    result = await posts.ListTemplates(posts_pb2.ListTemplatesRequest(user_id=user_id))
    return [convert.post_dict(p) for p in result.posts]


@router.post("/{template_name}/instantiate", status_code=201, response_model=schemas.PostOut)
async def instantiate(template_name: str, user_id: CurrentUser, posts: PostsDep):
    post = await posts.InstantiateTemplate(
        posts_pb2.InstantiateTemplateRequest(user_id=user_id, template_name=template_name)
    )
    return convert.post_dict(post)
