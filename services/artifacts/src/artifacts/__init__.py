"""The artifacts service: portfolio artifacts, their versions and skill tags, and who may see them."""
