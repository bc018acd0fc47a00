"""The kit's dataset loaders and generators."""
