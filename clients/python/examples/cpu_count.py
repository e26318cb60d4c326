import poolmap as multiprocessing


def worker_function(item):
    result = item * 2
    return result


if __name__ == "__main__":
    items = range(1, 11)
    with multiprocessing.Pool(processes=multiprocessing.cpu_count()) as pool:
        results = pool.map(worker_function, items)
    for item, result in zip(items, results):
        print(item, "->", result)
