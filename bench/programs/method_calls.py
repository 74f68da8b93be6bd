# Method calls and attribute access on objects of a small class hierarchy.
class Vector:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def dot(self, other):
        return self.x * other.x + self.y * other.y


class Particle:
    def __init__(self, position, velocity):
        self.position = position
        self.velocity = velocity

    def step(self):
        self.position = self.position.add(self.velocity)
        return self.position.dot(self.velocity)


particles = [Particle(Vector(i, -i), Vector(1, 2)) for i in range(100)]
energy = 0
for _ in range(2_000):
    for p in particles:
        energy += p.step()
print(energy, particles[-1].position.x, particles[-1].position.y)
