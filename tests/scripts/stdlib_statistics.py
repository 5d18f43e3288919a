# statistics: exact averages and spread on ints, floats and Fractions,
# medians, modes, quantiles, the float-based functions, and the errors.
import statistics as st
from fractions import Fraction as F


def attempt(f, *args, **kw):
    try:
        print('ok', repr(f(*args, **kw)))
    except Exception as e:
        print(type(e).__name__, e)


datasets = [
    [1, 2, 3, 4],
    [1, 2, 3],
    [2.5, 3.25, 5.5, 11.25, 11.75],
    [F(1, 2), F(3, 4), F(5, 8)],
    [1, 2.5, F(1, 4)],
    [0.1, 0.2, 0.3, 0.4],
    [1e20, 1, -1e20, 3],
    [5],
    [True, False, True],
    list(range(101)),
    [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5],
]
for data in datasets:
    print('data', data[:6])
    for name in ['mean', 'fmean', 'median', 'median_low', 'median_high',
                 'median_grouped', 'mode', 'multimode', 'variance', 'pvariance',
                 'stdev', 'pstdev', 'harmonic_mean', 'geometric_mean']:
        attempt(getattr(st, name), data)
    attempt(st.quantiles, data)
    attempt(st.quantiles, data, n=10, method='inclusive')

print(repr(st.variance([1, 2, 3, 4], xbar=2.5)), repr(st.pvariance([1, 2, 3, 4], mu=2)),
      repr(st.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75])), repr(st.pstdev([F(1, 3), F(1, 2)])))
print(repr(st.mean(iter([1, 2, 3, 4, 4]))), repr(st.mean([F(3, 7), F(1, 21)])), repr(st.mean([1, 2])))
print(repr(st.fmean([3.5, 4.0, 5.25])), repr(st.fmean([1, 2, 3], weights=[1, 0, 2])), repr(st.fmean(iter([1, 2]))))
print(repr(st.harmonic_mean([40, 60])), repr(st.harmonic_mean([40, 60], weights=[5, 30])), repr(st.harmonic_mean([1, 0, 2])))
print(repr(st.geometric_mean([54, 24, 36])), repr(st.median_grouped([52, 52, 53, 54], interval=2)))
print(st.mode(['red', 'blue', 'red', 'green']), st.multimode('aabbbbccddddeeffffgg'), st.multimode(''))
print(st.quantiles([1, 2], n=1), st.quantiles([105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110], n=4))
x = [1, 2, 3, 4, 5, 6, 7, 8, 9]
y = [1, 2, 3, 1, 2, 3, 1, 2, 3]
print(repr(st.covariance(x, y)), repr(st.correlation(x, x[::-1])), repr(st.correlation(x, y)))
print(st.linear_regression(x, [2 * v + 1 for v in x]), st.linear_regression([1, 2, 3], [2, 4, 7], proportional=True))
for empty_fn in [st.mean, st.fmean, st.median, st.median_low, st.median_high, st.median_grouped,
                 st.mode, st.harmonic_mean, st.geometric_mean, st.pvariance, st.pstdev]:
    attempt(empty_fn, [])
attempt(st.variance, [1])
attempt(st.stdev, [1])
attempt(st.quantiles, [1])
attempt(st.quantiles, [1, 2], n=0)
attempt(st.quantiles, [1, 2], method='odd')
attempt(st.harmonic_mean, [1, -2])
attempt(st.harmonic_mean, [-2])
attempt(st.harmonic_mean, ['x'])
attempt(st.harmonic_mean, [1, 2], weights=[1])
attempt(st.geometric_mean, [1, -1])
attempt(st.fmean, [1, 2], weights=[1])
attempt(st.fmean, [1, 2], weights=[0, 0])
attempt(st.mean, ['a', 'b'])
attempt(st.mean, [1.5, F(1, 2)])
attempt(st.covariance, [1, 2], [1])
attempt(st.covariance, [1], [1])
attempt(st.correlation, [1, 1], [1, 2])
attempt(st.correlation, [1, 2], [1])
attempt(st.linear_regression, [1, 1], [1, 2])
attempt(st.linear_regression, [1], [1])
print(issubclass(st.StatisticsError, ValueError))
print(repr(st.mean([float('inf'), 1])), repr(st.variance([1.0, 2.0, float('nan')])))

nd = st.NormalDist(100, 15)
print(nd, nd.mean, nd.median, nd.mode, nd.stdev, nd.variance)
print(repr(nd.pdf(110)), repr(nd.cdf(110)), repr(nd.zscore(130)))
for p in [0.001, 0.01, 0.1, 0.3, 0.5, 0.7, 0.975, 0.99999, 1e-300]:
    print(repr(nd.inv_cdf(p)))
print([round(q, 6) for q in nd.quantiles()], repr(nd.overlap(st.NormalDist(110, 10))),
      repr(st.NormalDist(1, 2).overlap(st.NormalDist(3, 2))))
print(nd + 5, nd - st.NormalDist(10, 20), nd * 2, nd / 3, -nd, 5 - nd, 2 * nd, nd == st.NormalDist(100, 15))
print(st.NormalDist.from_samples([2.5, 3.1, 2.1, 2.4, 2.7, 3.5]))
attempt(st.NormalDist, 0, -1)
attempt(st.NormalDist(0, 0).pdf, 1)
attempt(st.NormalDist(0, 0).cdf, 1)
attempt(nd.inv_cdf, 0)
attempt(nd.inv_cdf, 1.5)
attempt(nd.overlap, 5)
