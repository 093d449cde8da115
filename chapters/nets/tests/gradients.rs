//! Backprop against central finite differences, for every loss, activation and layer.

use ndarray::Array2;
use nets::{
    Activation, InitDist, Loss, Mlp, MlpSpec, Optimizer, Parametrisation, Targets, Trainer, rng,
};
use rand::RngExt;

fn check(hidden: Activation, loss: Loss, out: usize) {
    let mut r = rng(7);
    let spec = MlpSpec {
        sizes: vec![3, 5, 4, out],
        hidden,
        bias: true,
        init: InitDist::Normal,
        parametrisation: Parametrisation::Standard,
    };
    let mlp = Mlp::new(&spec, &mut r);
    let x = Array2::from_shape_simple_fn((6, 3), || r.random_range(-1.0..1.0));
    let labels: Vec<usize> = (0..6 * 2).map(|_| r.random_range(0..out / 2)).collect();
    let values = Array2::from_shape_simple_fn((6, out), || r.random_range(-1.0..1.0));
    let targets = match loss {
        Loss::Mse => Targets::Values(values.view()),
        Loss::SoftmaxCrossEntropy { .. } => Targets::Labels(&labels),
    };
    let mut trainer = Trainer::new(mlp.clone(), loss, Optimizer::sgd(0.0, 0.0), 0);
    trainer.gradient(x.view(), targets);
    let analytic: Vec<f64> = trainer
        .gradients()
        .layers
        .iter()
        .flat_map(|l| l.w.iter().chain(l.b.iter()).copied().collect::<Vec<_>>())
        .collect();
    let theta = mlp.to_vec();
    let h = 1e-6;
    let loss_at = |theta: &[f64]| {
        let mut m = mlp.clone();
        m.load_vec(theta);
        Trainer::new(m, loss, Optimizer::sgd(0.0, 0.0), 0).loss_on(x.view(), targets)
    };
    for i in 0..theta.len() {
        let (mut plus, mut minus) = (theta.clone(), theta.clone());
        plus[i] += h;
        minus[i] -= h;
        let numeric = (loss_at(&plus) - loss_at(&minus)) / (2.0 * h);
        let err = (numeric - analytic[i]).abs() / (1e-8 + numeric.abs().max(analytic[i].abs()));
        assert!(
            err < 1e-5 || (numeric - analytic[i]).abs() < 1e-9,
            "{hidden:?}/{loss:?}: parameter {i}: numeric {numeric} vs backprop {}",
            analytic[i]
        );
    }
}

#[test]
fn tanh_mse() {
    check(Activation::Tanh, Loss::Mse, 2);
}

#[test]
fn tanh_grouped_softmax() {
    check(Activation::Tanh, Loss::SoftmaxCrossEntropy { groups: 2 }, 6);
}

#[test]
fn relu_grouped_softmax() {
    check(Activation::Relu, Loss::SoftmaxCrossEntropy { groups: 2 }, 6);
}

#[test]
fn same_seed_same_bits_and_training_learns() {
    let run = |seed| {
        let mut r = rng(seed);
        let x = Array2::from_shape_simple_fn((64, 2), || r.random_range(-1.0..1.0));
        let labels: Vec<usize> = x
            .rows()
            .into_iter()
            .map(|p| usize::from(p[0] * p[1] > 0.0))
            .collect();
        let mlp = Mlp::new(&MlpSpec::relu(&[2, 32, 32, 2]), &mut r);
        let mut t = Trainer::new(
            mlp,
            Loss::SoftmaxCrossEntropy { groups: 1 },
            Optimizer::adam(1e-2),
            seed,
        );
        let first = t.loss_on(x.view(), Targets::Labels(&labels));
        for _ in 0..200 {
            t.epoch(x.view(), Targets::Labels(&labels), 16);
        }
        let acc = nets::accuracy(t.mlp.predict(x.view()).view(), &labels, 1);
        (first, acc, t.mlp.to_vec())
    };
    let (first, acc, a) = run(3);
    let (_, _, b) = run(3);
    let (_, _, c) = run(4);
    assert_eq!(a, b, "same seed, same bits");
    assert_ne!(a, c);
    assert!(
        first > 0.5 && acc > 0.95,
        "XOR-like task: loss {first}, accuracy {acc}"
    );
}

#[test]
fn mup_matches_standard_at_the_base_width_and_scales_away_from_it() {
    let spec = |width, p| MlpSpec {
        sizes: vec![4, width, width, 3],
        hidden: Activation::Relu,
        bias: true,
        init: InitDist::Normal,
        parametrisation: p,
    };
    let sp = Mlp::new(&spec(32, Parametrisation::Standard), &mut rng(1));
    let mup = Mlp::new(
        &spec(32, Parametrisation::MuP { base_width: 32 }),
        &mut rng(1),
    );
    assert_eq!(sp.to_vec(), mup.to_vec());
    assert!(mup.lr_multipliers(true).iter().all(|&m| m == (1.0, 1.0)));
    let wide = Mlp::new(
        &spec(128, Parametrisation::MuP { base_width: 32 }),
        &mut rng(1),
    );
    assert_eq!(
        wide.lr_multipliers(false),
        vec![(4.0, 4.0), (1.0, 4.0), (0.25, 1.0)]
    );
    assert_eq!(
        wide.lr_multipliers(true),
        vec![(1.0, 1.0), (0.25, 1.0), (0.25, 1.0)]
    );
    let out_std = |m: &Mlp| {
        let w = &m.layers[2].w;
        (w.iter().map(|v| v * v).sum::<f64>() / w.len() as f64).sqrt()
    };
    let sp_wide = Mlp::new(&spec(128, Parametrisation::Standard), &mut rng(1));
    let ratio = out_std(&wide) / out_std(&sp_wide);
    assert!(
        (ratio - 0.5).abs() < 1e-9,
        "output init std shrinks by √r: {ratio}"
    );
}
