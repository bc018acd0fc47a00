"""BatchNorm's running averages give the new batch the weight momentum.

diagnosis: your BatchNorm's running averages give the new batch the weight momentum; the old
    average should keep it.
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
            self.running_mean = (1 - keep) * self.running_mean + keep * mean
            self.running_var = (1 - keep) * self.running_var + keep * var
        else:
            mean, var = self.running_mean, self.running_var
        return self.gamma * (input - mean) / np.sqrt(var + self.epsilon) + self.beta
