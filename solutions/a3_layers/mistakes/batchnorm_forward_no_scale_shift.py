"""BatchNorm.forward normalises but never applies gamma and beta.

diagnosis: your BatchNorm.forward normalises the features but never scales them by gamma or
    shifts them by beta.
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
        else:
            mean, var = self.running_mean, self.running_var
        return (input - mean) / np.sqrt(var + self.epsilon)
