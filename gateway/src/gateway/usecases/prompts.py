"""The district's guided reflection prompts, managed by a district admin: define, reword and retire. A retired
prompt is no longer offered (ListPrompts hides it); reflections that answered it keep the text they answered. The
reflections service decides who may change them."""
from __future__ import annotations

from chassis.context import Principal
from gateway.clients.backends import Backends
from skillfolio.reflections.v1 import reflections_pb2 as pb


async def define(backends: Backends, principal: Principal, text: str) -> pb.Prompt:
    return (await backends.reflections.define_prompt(principal, pb.DefinePromptRequest(text=text))).prompt


async def update(backends: Backends, principal: Principal, prompt_id: str, text: str) -> pb.Prompt:
    return (await backends.reflections.update_prompt(principal, pb.UpdatePromptRequest(prompt_id=prompt_id,
                                                                                       text=text))).prompt


async def retire(backends: Backends, principal: Principal, prompt_id: str) -> pb.Prompt:
    return (await backends.reflections.retire_prompt(principal, pb.RetirePromptRequest(prompt_id=prompt_id))).prompt
