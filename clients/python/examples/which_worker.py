# poolmap only: which worker computed which item. multiprocessing's tutorial prints current_process().name inside
# the function; a function poolmap computes cannot print (poolmap sends no code), so the job tells instead.
from poolmap import Pool

if __name__ == "__main__":
    numbers = [20000, 19999, 19998, 19997, 19996, 19995, 19994, 19993]
    with Pool() as pool:
        job = pool.map_async("fibonacci", numbers, chunksize=1)
        digits = [len(str(f)) for f in job.get()]
        for number, length, worker in zip(numbers, digits, job.workers()):
            print("fibonacci(%d) has %d digits, computed by %s" % (number, length, worker))
        print(job.worker_counts())
