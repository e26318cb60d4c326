from poolmap import Pool


def double(n):
    return n * 2


if __name__ == "__main__":
    numbers = [1, 2, 3, 4, 5]
    with Pool(processes=4) as pool:
        results = pool.map(double, numbers)
    print(results)
