"""Layers written with products of masks, tanh and np.dot instead of np.where and @.

A correct submission written differently: it must score full marks.
"""

# The kit swaps these definitions into a5_answers.py, where np and the other answers exist.
# ruff: noqa: F821


class ReLU:
    def __init__(self):
        self.positive = None

    def forward(self, x):
        self.positive = (np.asarray(x) > 0).astype(float)
        return x * self.positive

    def backward(self, dout):
        return dout * self.positive


class Sigmoid:
    def forward(self, x):
        self.out = 0.5 * (1.0 + np.tanh(0.5 * np.asarray(x, dtype=float)))
        return self.out

    def backward(self, dout):
        return dout * (self.out - self.out**2)


class Affine:
    def __init__(self, W, b):
        self.W, self.b = W, b
        self.x = self.dW = self.db = None

    def forward(self, x):
        self.x = x
        return np.dot(x, self.W) + self.b

    def backward(self, dout):
        self.dW = np.dot(self.x.T, dout)
        self.db = dout.sum(axis=0)
        return np.dot(dout, self.W.T)


class OutputLayer:
    def __init__(self):
        self.y = self.t = None

    def forward(self, x, t):
        self.y, self.t = softmax(x), t
        return -np.sum(t * np.log(self.y + LOG_EPS)) / len(x)

    def backward(self, dout=1.0):
        return (self.y - self.t) * (dout / len(self.y))
