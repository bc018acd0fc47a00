"""BatchNorm normalises with the batch's statistics at test time as well.

diagnosis: your BatchNorm normalises with the batch's own statistics at test time; it should use
    the running averages.
fails: batchnorm_running_hidden
"""

# The kit swaps these definitions into the notebook, where np and the rest exist.
# ruff: noqa: F821


class BatchNorm(Layer):
    def forward(self, input):
        """input: (N, D) -> (N, D)."""
        if self.training:
            mean, var = input.mean(axis=0), input.var(axis=0)
            keep = self.momentum
            self.running_mean = keep * self.running_mean + (1 - keep) * mean
            self.running_var = keep * self.running_var + (1 - keep) * var
        mean, var = input.mean(axis=0), input.var(axis=0)
        return self.gamma * (input - mean) / np.sqrt(var + self.epsilon) + self.beta
