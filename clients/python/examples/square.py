from poolmap import Pool


def square(x):
    return x * x


if __name__ == "__main__":
    with Pool() as pool:
        print(pool.map(square, range(10)))
        print(pool.map(square, [3037000500, -12, 0.5]))
