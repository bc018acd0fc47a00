"""BatchNorm also moves its running statistics during test-time passes.

diagnosis: your BatchNorm moves its running averages during test-time passes too.
fails: batchnorm_running_hidden
"""

# The kit swaps these definitions into the notebook, where np and the rest exist.
# ruff: noqa: F821


class BatchNorm(Layer):
    def forward(self, input):
        """input: (N, D) -> (N, D)."""
        batch_mean, batch_var = input.mean(axis=0), input.var(axis=0)
        keep = self.momentum
        self.running_mean = keep * self.running_mean + (1 - keep) * batch_mean
        self.running_var = keep * self.running_var + (1 - keep) * batch_var
        if self.training:
            mean, var = batch_mean, batch_var
        else:
            mean, var = self.running_mean, self.running_var
        return self.gamma * (input - mean) / np.sqrt(var + self.epsilon) + self.beta
