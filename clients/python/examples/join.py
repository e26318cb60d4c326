from poolmap import Pool


def cube(x):
    return x ** 3


if __name__ == "__main__":
    pool = Pool(processes=2)
    result = pool.apply_async(cube, (7,))
    pool.close()
    pool.join()
    print(result.ready(), result.successful(), result.get())
